# Messages of import (en).
