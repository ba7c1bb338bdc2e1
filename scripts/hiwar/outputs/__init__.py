"""Outputs made from the converted collection without a site engine: the EPUB edition of each language."""
