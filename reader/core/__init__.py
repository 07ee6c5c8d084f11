"""The headless core: documents, words, pinyin, definitions and occurrences. Never imports Qt."""
