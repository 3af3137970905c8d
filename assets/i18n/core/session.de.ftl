# Core words (session): de. Keys must match between en and de.
