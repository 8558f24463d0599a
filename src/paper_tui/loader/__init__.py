"""The loader: column-wrapped page text in, articles out. Standard library only."""
