x = Value(-1.5)
y = x.relu()
z = (x * -1).relu()
w = x.exp()
v = w.log()
t = y * -1.0
u = (y + z + w + v + t).tanh()
u.backward()
