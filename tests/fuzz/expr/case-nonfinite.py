a = Value(1e300)
b = a * a
c = b - b
