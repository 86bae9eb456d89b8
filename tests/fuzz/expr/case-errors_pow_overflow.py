a = Value(10.0)
b = a ** 400
