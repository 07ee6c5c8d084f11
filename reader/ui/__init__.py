"""The PySide6 window: shows and wires what the core decides."""
