# Messages of plan (nl).
