"""Widgets of the live desk."""
