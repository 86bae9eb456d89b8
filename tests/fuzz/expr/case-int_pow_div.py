a = Value(4)
b = a ** 2
c = b / a
d = c ** 0
e = d + b
