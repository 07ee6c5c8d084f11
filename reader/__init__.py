"""Reader: close reading of two Chinese statements on global strategic stability.

Only the version lives here, so that ``import reader`` stays instant.
"""

__version__ = "0.1.0"
