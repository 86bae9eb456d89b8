a = Value(2.0)
b = a * a
b.backward()
c = a * 3
c.backward()
