# the exae=ample of micrograd'sR
a = Value(-8.0)
b = Value(2.0)
c = a + b
d =  (b + a).relu()
d += ---3 * d 
4501