"""No DHR models in the admin: case detail is shown only to DHR-cleared members, through
views that check clearance and log every look. Site admins are not cleared by default."""
