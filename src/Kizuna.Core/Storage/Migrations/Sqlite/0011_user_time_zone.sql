-- The time zone a dashboard user reads times in (an IANA id such as Asia/Tokyo); null follows their browser.
ALTER TABLE users ADD COLUMN time_zone TEXT;
