# Messages of uitslagen (nl).
