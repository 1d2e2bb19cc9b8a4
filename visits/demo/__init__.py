"""Demo data: the real facts in visits/fixtures/demo, upcoming visits, synthetic history."""
