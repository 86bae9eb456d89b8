a = Value(1.0, label='\u00e9\U0001F600 \x41 \'q\'')  # comment ü
b = a * Value(2, label="☃")
b.label = 'b\n'
b.backward()
