"""Developer commands around the app: screenshots, load test, benchmark, and what they share."""
