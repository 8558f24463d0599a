"""The reader's screens: the main reading screen, help and bookmarks."""
