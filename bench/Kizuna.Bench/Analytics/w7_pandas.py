"""W7 baseline: the analytics KizunaSuite computes, in pandas, over the CSV files the benchmark exported.

Usage: w7_pandas.py FOLDER SINCE_MS UNTIL_MS MEMBER_COUNTRY RUNS
Prints one JSON line: the median time of RUNS runs of the whole suite (after one warm-up) and the revenue found.
Money is float64 here (pandas has no decimal column type); loading the files is not timed.
"""
import json
import sys
import time

import pandas as pd

folder, since, until, country, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
orders = pd.read_csv(f"{folder}/orders.csv", dtype={"order_id": str, "currency": str})
lines = pd.read_csv(f"{folder}/lines.csv", dtype={"order_id": str, "product_id": str})
profiles = pd.read_csv(f"{folder}/profiles.csv", dtype={"country": str}, keep_default_na=False)


def commerce(counted):
    per = counted.assign(net=counted.total - counted.refunded).groupby("profile_id").agg(
        n=("order_id", "size"), spend=("net", "sum"), first=("placed_at", "min"), last=("placed_at", "max"))
    repeat = per[per.n > 1]
    return {
        "customers": len(per), "orders": int(per.n.sum()), "repeaters": len(repeat),
        "span": int((repeat["last"] - repeat["first"]).sum()), "revenue": float(per.spend.sum()),
        "repeat_spend": float(repeat.spend.sum()),
    }


def suite():
    open_orders = orders[orders.status.isin(["completed", "partially_refunded"])]
    counted = open_orders[(open_orders.placed_at >= since) & (open_orders.placed_at < until)]
    result = commerce(counted)
    counted.assign(day=counted.placed_at // 86400000, net=counted.total - counted.refunded).groupby("day").agg(
        orders=("order_id", "size"), revenue=("net", "sum"))
    months = pd.to_datetime(open_orders.placed_at, unit="ms").dt.strftime("%Y-%m")
    firsts = open_orders.groupby("profile_id").placed_at.min()
    firsts = firsts[(firsts >= since) & (firsts < until)]
    cohort_of = pd.to_datetime(firsts, unit="ms").dt.strftime("%Y-%m")
    in_cohort = open_orders[(open_orders.placed_at < until) & open_orders.profile_id.isin(cohort_of.index)]
    pd.DataFrame({"cohort": in_cohort.profile_id.map(cohort_of), "month": months[in_cohort.index],
                  "profile_id": in_cohort.profile_id}).groupby(["cohort", "month"]).profile_id.nunique()
    with_country = counted.merge(profiles, left_on="profile_id", right_on="id")
    with_country.assign(net=with_country.total - with_country.refunded).groupby("country").agg(
        revenue=("net", "sum"), orders=("order_id", "size"), customers=("profile_id", "nunique")).sort_values("revenue", ascending=False)
    sold = lines.merge(counted[["order_id", "profile_id"]], on="order_id")
    sold.assign(amount=sold.price * sold.quantity).groupby("product_id").agg(
        revenue=("amount", "sum"), orders=("order_id", "nunique"), customers=("profile_id", "nunique")).nlargest(200, "revenue")
    members = profiles.id[profiles.country == country]
    commerce(counted[counted.profile_id.isin(members)])
    commerce(counted[~counted.profile_id.isin(members)])
    return result


suite()
times = []
for _ in range(runs):
    started = time.perf_counter()
    result = suite()
    times.append((time.perf_counter() - started) * 1000)
times.sort()
print(json.dumps({"median_ms": times[len(times) // 2], "revenue": result["revenue"], "orders": result["orders"]}))
