a = Value(0.0)
b = a ** 0.5
b.backward()
