"""Code rules, one module per rule set; each module is a plugin."""
