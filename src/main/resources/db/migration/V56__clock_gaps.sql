-- A clock that could not be counted because its holiday calendar has no data for a year the
-- count needs (mainland China's dates are announced year by year). The request keeps its other
-- clocks; this one is counted again once the policy in force covers the year.
alter table request_clock add column uncounted varchar(400);
