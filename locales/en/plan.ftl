# Messages of plan (en).
