a = Value(1e600)
b = a * a
c = b - b
