# Messages of build (en).
