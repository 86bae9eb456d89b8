a = Value(1e-3)
b = Value(.5)
c = Value(1_000)
d = Value(0x10)
e = Value(1.)
f = Value(2E2)
g = a + b + c + d + e + f
