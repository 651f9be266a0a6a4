# Messages of uitslagen (en).
