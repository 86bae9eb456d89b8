a = Value(1.0)
b = a
b += 1
b *= a
b -= 2
b /= a
x = 2
x += 3
x *= 2.5
x -= 1
x /= 4
c = Value(x)
b += c
b.backward()
