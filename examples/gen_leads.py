#!/usr/bin/env python3
"""Writes examples/leads.csv: synthetic leads with standard and custom fields, and some deliberately bad rows.

Deterministic (fixed seed), so the committed file and this script agree. Run: python3 examples/gen_leads.py
The custom fields (loyaltyTier, lifetimeValue, newsletterOptIn, lastPurchaseDate) exist in the schema of the
emulator that `mkto` embeds; see docs/cli.md.
"""
import csv, io, random, os

random.seed(20261125)
FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "Tim", "Margaret", "Linus"]
LAST = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Perlman", "Lee"]
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell", "Wonka", "Cyberdyne"]
CITIES = ["Chicago", "Austin", "Denver", "Boston", "Seattle", "Portland", "Atlanta", "Phoenix"]
TIERS = ["bronze", "silver", "gold", "platinum"]
HEADER = ["email", "firstName", "lastName", "company", "title", "city", "postalCode", "numberOfEmployees",
          "loyaltyTier", "lifetimeValue", "newsletterOptIn", "lastPurchaseDate"]

def good(i):
    f, l = random.choice(FIRST), random.choice(LAST)
    return [f"{f.lower()}.{l.lower()}.{i}@example.com", f, l, random.choice(COMPANIES),
            random.choice(["Engineer", "Manager", "Director", "VP", ""]), random.choice(CITIES),
            f"{random.randint(10000, 99999)}", str(random.choice([5, 50, 250, 1000, 5000])),
            random.choice(TIERS), f"{random.uniform(0, 20000):.2f}", random.choice(["true", "false"]),
            f"2026-{random.randint(1, 10):02d}-{random.randint(1, 28):02d}"]

rows = []
for i in range(1, 3001):
    r = good(i)
    k = i % 500
    if k == 17:
        r[0] = "not-an-email"                      # Marketo would skip it: 1003
    elif k == 91:
        r[0] = ""                                  # empty lookup field
    elif k == 203:
        r[7] = "lots"                              # integer field with text: 1003
    elif k == 311:
        r[11] = "yesterday"                        # date field with text: 1003
    elif k == 401:
        r = r[:5]                                  # wrong number of fields
    elif k == 457 and i < 1000:
        r = rows[10]                               # the same lead twice: the second updates it
    rows.append(r)

buf = io.StringIO()
w = csv.writer(buf, lineterminator="\n")
w.writerow(HEADER)
w.writerows(rows)
data = buf.getvalue().encode()
# One row whose title is not valid UTF-8 (a Latin-1 export): reported and rejected, never sent.
bad = "zoe.latin1@example.com,Zo\xeb,Doe,Acme,Ing\xe9nieur,Chicago,60601,50,gold,10.00,true,2026-05-05\n"
data += bad.encode("latin-1")
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "leads.csv")
with open(out, "wb") as fh:
    fh.write(data)
print(f"wrote {out}: {len(rows) + 1} rows")
