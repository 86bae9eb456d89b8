from micrograd.engine import Value
a = b = Value(0x1F)
c = (a +
  b) ** 2 ** 0.5; d = -c ** -1
d /= 3
e = 1 - d / 0.5e1
(e.relu() + e.exp().log()).backward()
