"""The calendar: ``data/bank-holidays.yml`` (optional): the region whose bank holidays deadlines skip,
and days the partnership closes. ``days`` is the working-day arithmetic; ``kind`` the kind."""
