"""`licensecheck scan`: find every model a repository uses, resolve it, and judge it against a policy.

``discover`` walks the tree and pulls model references out of code, configs, scripts and cards; ``policy`` reads
the repository's policy; ``run`` resolves each model and applies the policy; ``report`` holds the result.
No typer and no rich here.
"""
