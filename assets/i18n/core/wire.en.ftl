# Core words (wire): en. Keys must match between en and de.
