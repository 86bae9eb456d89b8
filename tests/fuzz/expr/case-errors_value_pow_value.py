a = Value(2.0)
b = a ** a
