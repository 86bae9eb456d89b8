a = Value(3.0)
b = -a ** 2
c = a ** 2 ** 0.5
d = 2 + a * 3 - a / 2
e = -(a + 1) * 2
f = a * -2 ** 2
g = a - -a
h = b + c + d + e + f + g
