"""Mentoring views, split by feature: home, mentors, requests, mentorships, programmes."""
