# Core words (wire): de. Keys must match between en and de.
