a = Value(1.0, label='A')
b = a * 2
b.label = 'B'
c = b
d = c + a
d.label = 'D'
