"""Files: where things live, bounded reading, scenario libraries, transcript files."""
