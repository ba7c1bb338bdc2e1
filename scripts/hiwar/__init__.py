"""Hiwar: turns Arabic article scrapes (seeds) into a bilingual MkDocs site.

Data flows one way: seed (read) -> reader (understand) -> enrich -> render -> build (write).
"""
