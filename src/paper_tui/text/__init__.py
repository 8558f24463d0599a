"""Text services over heavy libraries: keywords, script conversion, search, CJK line breaking."""
