// The sample's fleet dashboard: plain JavaScript, Chart.js from its WebJar, data from /api/dashboard/*.
(() => {
	'use strict';

	const COLORS = ['#0b6bcb', '#d9480f', '#2b8a3e', '#7048e8', '#c2255c', '#1098ad', '#e67700', '#495057'];
	const KEEP_MILLIS = 5 * 60 * 1000;
	const KEEP_POINTS = 600;
	const DEVICES_EVERY_MILLIS = 3000;

	const canvas = document.getElementById('chart');
	const statusLine = document.getElementById('status');
	const state = { series: new Map(), points: 0, paused: false, chart: null, redraw: false, unknown: false };

	function setStatus(text, kind) {
		statusLine.textContent = text;
		statusLine.dataset.state = kind;
	}

	// --- chart ----------------------------------------------------------------------------------------------
	function createChart() {
		state.chart = new Chart(canvas, {
			type: 'line',
			data: { datasets: [] },
			options: {
				animation: false,
				maintainAspectRatio: false,
				parsing: false,
				normalized: true,
				interaction: { mode: 'nearest', intersect: false },
				elements: { point: { radius: 0 }, line: { borderWidth: 2, tension: 0.2 } },
				plugins: { legend: { display: false } },
				scales: {
					x: { type: 'linear', ticks: { maxTicksLimit: 6, callback: (v) => new Date(v).toLocaleTimeString() } },
					y: { position: 'left', title: { display: true, text: '°C' } },
					y1: { position: 'right', title: { display: true, text: '%' }, grid: { drawOnChartArea: false } }
				}
			}
		});
	}

	function dataset(series) {
		let entry = state.series.get(series.id);
		if (!entry) {
			const color = COLORS[state.series.size % COLORS.length];
			const ds = {
				label: series.label + ' (' + series.unit + ')', data: [], borderColor: color, backgroundColor: color,
				yAxisID: series.unit === '°C' ? 'y' : 'y1'
			};
			state.chart.data.datasets.push(ds);
			entry = { meta: series, ds: ds };
			state.series.set(series.id, entry);
			addPicker(series, color, ds);
			canvas.dataset.series = String(state.series.size);
		}
		return entry;
	}

	function addPicker(series, color, ds) {
		const label = document.createElement('label');
		const box = document.createElement('input');
		box.type = 'checkbox';
		box.checked = true;
		box.dataset.series = series.id;
		box.addEventListener('change', () => {
			ds.hidden = !box.checked;
			state.chart.update('none');
		});
		const swatch = document.createElement('span');
		swatch.className = 'swatch';
		swatch.style.background = color;
		label.append(box, swatch, document.createTextNode(series.label));
		label.title = series.source;
		document.getElementById('sensor-picker').append(label);
	}

	function trim(data) {
		const oldest = Date.now() - KEEP_MILLIS;
		while (data.length > KEEP_POINTS || (data.length && data[0].x < oldest)) {
			data.shift();
		}
	}

	function history(list) {
		for (const series of list) {
			const entry = dataset(series);
			entry.ds.data = series.points.map((p) => ({ x: p[0], y: p[1] }));
		}
		scheduleRedraw();
	}

	function reading(r) {
		const entry = state.series.get(r.series);
		if (!entry) {
			refreshSeries();
			return;
		}
		entry.ds.data.push({ x: r.time, y: r.value });
		trim(entry.ds.data);
		entry.last = r.value;
		state.points++;
		canvas.dataset.points = String(state.points);
		scheduleRedraw();
	}

	// a series that started after this page connected: fetch its description (once at a time)
	function refreshSeries() {
		if (state.unknown) {
			return;
		}
		state.unknown = true;
		fetch('api/dashboard/series').then((r) => r.json()).then((list) => {
			list.filter((s) => !state.series.has(s.id)).forEach((s) => history([s]));
		}).finally(() => { state.unknown = false; });
	}

	function scheduleRedraw() {
		if (state.paused || state.redraw) {
			return;
		}
		state.redraw = true;
		requestAnimationFrame(() => {
			state.redraw = false;
			state.chart.update('none');
		});
	}

	function connect() {
		const events = new EventSource('api/dashboard/readings');
		events.addEventListener('history', (e) => {
			history(JSON.parse(e.data));
			setStatus(state.paused ? 'paused' : 'live', state.paused ? 'paused' : 'live');
		});
		events.addEventListener('reading', (e) => reading(JSON.parse(e.data)));
		events.onerror = () => setStatus('disconnected, retrying…', 'error');
	}

	document.getElementById('pause').addEventListener('click', (e) => {
		state.paused = !state.paused;
		e.target.setAttribute('aria-pressed', String(state.paused));
		e.target.textContent = state.paused ? 'Resume' : 'Pause';
		setStatus(state.paused ? 'paused' : 'live', state.paused ? 'paused' : 'live');
		scheduleRedraw();
	});

	// --- devices --------------------------------------------------------------------------------------------
	function cell(row, content, className) {
		const td = document.createElement('td');
		if (className) {
			td.className = className;
		}
		if (content instanceof Node) {
			td.append(content);
		}
		else {
			td.textContent = content;
		}
		row.append(td);
		return td;
	}

	function span(text, className) {
		const s = document.createElement('span');
		s.className = className;
		s.textContent = text;
		return s;
	}

	function renderDevices(devices) {
		const body = document.querySelector('#devices tbody');
		body.replaceChildren(...devices.map((d) => {
			const row = document.createElement('tr');
			row.dataset.kind = d.kind;
			row.dataset.endpoint = d.endpoint;
			row.dataset.online = String(d.online);
			cell(row, span(d.kind, 'kind ' + d.kind));
			cell(row, d.endpoint);
			const name = cell(row, d.name);
			for (const [key, value] of Object.entries(d.details)) {
				if (key !== 'sensorId') {
					const detail = span(key + ': ' + value, 'detail');
					detail.dataset.detail = key;
					name.append(detail);
				}
			}
			cell(row, d.address);
			cell(row, d.resources.join(' '), 'resources');
			cell(row, d.lastSeen ? new Date(d.lastSeen).toLocaleTimeString() : '—');
			cell(row, span(d.online ? 'online' : 'offline', 'state ' + (d.online ? 'online' : 'offline')));
			return row;
		}));
		document.getElementById('device-count').textContent = devices.length + ' known';
		fillSelect('threshold-sensor', devices.filter((d) => d.kind === 'sensor')
			.map((d) => [d.details.sensorId, d.name + ' (/sensors/' + d.details.sensorId + ')']));
		fillSelect('lwm2m-endpoint', devices.filter((d) => d.kind === 'lwm2m').map((d) => [d.endpoint, d.endpoint]));
	}

	function fillSelect(id, options) {
		const select = document.getElementById(id);
		const current = select.value;
		const wanted = options.map((o) => o[0]).join('|');
		if (select.dataset.options === wanted) {
			return;
		}
		select.dataset.options = wanted;
		select.replaceChildren(...options.map(([value, text]) => new Option(text, value, false, value === current)));
	}

	function loadDevices() {
		return fetch('api/dashboard/devices').then((r) => r.json()).then(renderDevices)
			.catch(() => setStatus('the application does not answer', 'error'));
	}

	// --- controls -------------------------------------------------------------------------------------------
	function showResult(result) {
		const box = document.getElementById('control-result');
		box.hidden = false;
		box.dataset.code = result.code;
		box.dataset.success = String(result.success);
		box.classList.toggle('failed', !result.success);
		document.getElementById('result-protocol').textContent = result.protocol;
		document.getElementById('result-request').textContent = result.request;
		document.getElementById('result-code').textContent = result.code;
		let text = result.diagnostic || '';
		if (result.state !== null && result.state !== undefined) {
			text = text + (text ? '\n' : '') + 'device reports: ' + JSON.stringify(result.state);
		}
		document.getElementById('result-diagnostic').textContent = text;
		document.getElementById('result-diagnostic').style.color = result.success ? 'inherit' : '';
	}

	function control(url, method, body) {
		return fetch(url, { method: method, headers: { 'Content-Type': 'application/json' }, body: body })
			.then((r) => r.json().catch(() => ({
				protocol: 'HTTP', request: method + ' ' + url, code: String(r.status), success: false,
				diagnostic: r.statusText, state: null
			})))
			.then(showResult)
			.then(loadDevices);
	}

	document.getElementById('threshold-form').addEventListener('submit', (e) => {
		e.preventDefault();
		const id = document.getElementById('threshold-sensor').value;
		const raw = document.getElementById('threshold-celsius').value.trim();
		const number = Number(raw);
		// what the form holds goes to the device as it is: the device judges it and says why it refuses
		const celsius = (raw !== '' && Number.isFinite(number)) ? number : raw;
		const direction = document.getElementById('threshold-direction').value;
		control('api/dashboard/sensors/' + encodeURIComponent(id) + '/threshold', 'PUT',
			JSON.stringify({ celsius: celsius, direction: direction }));
	});

	document.getElementById('lwm2m-reboot').addEventListener('click', () => {
		const endpoint = document.getElementById('lwm2m-endpoint').value;
		control('api/dashboard/lwm2m/' + encodeURIComponent(endpoint) + '/execute?path=/3/0/4', 'POST');
	});

	document.getElementById('lwm2m-form').addEventListener('submit', (e) => {
		e.preventDefault();
		const endpoint = document.getElementById('lwm2m-endpoint').value;
		const path = document.getElementById('lwm2m-path').value;
		control('api/dashboard/lwm2m/' + encodeURIComponent(endpoint) + '/write?path=' + encodeURIComponent(path),
			'PUT', document.getElementById('lwm2m-value').value);
	});

	// --- start ----------------------------------------------------------------------------------------------
	createChart();
	connect();
	loadDevices();
	setInterval(loadDevices, DEVICES_EVERY_MILLIS);

	// for scripts and browser tests: what the page received, read from the page itself
	window.dashboard = {
		points: () => state.points,
		series: () => [...state.series.keys()],
		lastValue: (id) => state.series.get(id)?.last,
		paused: () => state.paused
	};
})();
