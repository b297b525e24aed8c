"""Screens of the live desk."""
