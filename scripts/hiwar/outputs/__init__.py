"""What a finished build is also published as, one module per format, made from its folders (no MkDocs here)."""
