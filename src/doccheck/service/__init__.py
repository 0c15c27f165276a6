"""The local HTTP service behind the Word and WPS add-ins and LanguageTool clients."""
