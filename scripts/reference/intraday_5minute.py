"""Independent pandas reference for the teacher's features and labels on 5-minute bars.

Prints the expected values that Tests/TeacherTests/IntradayReferenceTests.swift embeds.
The series: three NSE sessions (2024-01-01..03), 75 five-minute bars each from 09:15 IST,
bar i's close from a fixed formula plus an overnight jump of +3 per day. Features run over
the whole series (VWAP and OBV accumulate from its first bar, across days); labels are the
7-bar forward return, either spanning the overnight gap or only within a session.
Run: python3 scripts/reference/intraday_5minute.py  (pandas 3.x, numpy 2.x)
"""
import numpy as np
import pandas as pd

n_days, per_day, h = 3, 75, 7
i = np.arange(n_days * per_day)
day = i // per_day
close = 100 + ((i * 7) % 13) - 6 + 0.25 * (i % per_day) + ((i * i) % 5) * 0.5 + 3.0 * day
high = close + 1 + (i % 3) * 0.5
low = close - 1 - (i % 4) * 0.25
volume = 1000.0 + ((i * 37) % 11) * 100
c, hi, lo, v = (pd.Series(x, dtype="float64") for x in (close, high, low, volume))

f = pd.DataFrame()
f["sma_20"] = c.rolling(20).mean()
f["sma_50"] = c.rolling(50).mean()
f["ema_12"] = c.ewm(span=12, adjust=False, min_periods=12).mean()
f["ema_26"] = c.ewm(span=26, adjust=False, min_periods=26).mean()
d = c.diff()
rs = d.clip(lower=0).rolling(14).mean() / (-d.clip(upper=0)).rolling(14).mean().replace(0, 1e-10)
f["rsi_14"] = 100 - 100 / (1 + rs)
tr = pd.concat([hi - lo, (hi - c.shift()).abs(), (lo - c.shift()).abs()], axis=1).max(axis=1)
atr = tr.rolling(14).mean()
f["atr_14"] = atr
tp = (hi + lo + c) / 3
f["vwap"] = (tp * v).cumsum() / v.cumsum()
mid, sd = c.rolling(20).mean(), c.rolling(20).std()
f["bb_upper"], f["bb_middle"], f["bb_lower"] = mid + 2 * sd, mid, mid - 2 * sd
macd = f["ema_12"] - f["ema_26"]
signal = macd.ewm(span=9, adjust=False, min_periods=9).mean()
f["macd_line"], f["macd_signal"], f["macd_histogram"] = macd, signal, macd - signal
up, down = hi.diff(), -lo.diff()
pdm = pd.Series(np.where((up > down) & (up > 0), up, 0.0))
mdm = pd.Series(np.where((down > up) & (down > 0), down, 0.0))
pdi = 100 * pdm.rolling(14).sum() / atr
mdi = 100 * mdm.rolling(14).sum() / atr
f["adx_14"] = (100 * (pdi - mdi).abs() / (pdi + mdi)).rolling(14).mean()
f["obv"] = (np.sign(c.diff()).fillna(0) * v).cumsum()

overnight = c.shift(-h) / c - 1
same_day = pd.Series(day).shift(-h) == pd.Series(day)
session = overnight.where(same_day)

for r in (49, 74, 75, 150, 224):
    print(f"{r}: [" + ", ".join(repr(float(x)) for x in f.loc[r]) + "],")
for r in (67, 68, 70, 142, 143, 217, 218):
    print(f"label {r}: overnight={overnight[r]!r} session={session[r]!r}")
