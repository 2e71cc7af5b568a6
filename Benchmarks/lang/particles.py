# 2,000 particles as objects in a list, 100 steps of an update method (bouncing in a box).
class Particle:
    __slots__ = ("x", "y", "vx", "vy")

    def __init__(self, x, y, vx, vy):
        self.x, self.y, self.vx, self.vy = x, y, vx, vy

    def step(self, dt):
        self.x += self.vx * dt
        self.y += self.vy * dt
        if self.x < 0 or self.x > 1:
            self.vx = -self.vx
        if self.y < 0 or self.y > 1:
            self.vy = -self.vy

particles = []
for i in range(2000):
    f = float(i)
    particles.append(Particle((f * 0.37) % 1, (f * 0.61) % 1, (f * 0.13) % 1 - 0.5, (f * 0.29) % 1 - 0.5))
for _ in range(100):
    for i in range(len(particles)):
        particles[i].step(0.01)
sx = 0.0
for p in particles:
    sx += p.x + p.y
print(int(sx * 1000))
