# Core words (session): en. Keys must match between en and de.
