"""The app's pages, one blueprint per page family."""
