"""What a build makes and publishes: every derived artifact is an output (contract.py), kept in a content-addressed
store (store.py), recorded in one record (record.py), staged and switched into place whole (publish.py)."""
