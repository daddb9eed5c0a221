/*
 * The chain map (issue 12): draws the links of a chain (read from the link cards the page renders, so the page
 * works without scripts too) as an ECharts graph served from the jar: one column per position (upstream,
 * midstream, downstream; rows on phones), each node coloured by its gap rating with its counts; clicking a node
 * opens the link's list of local enterprises and targets.
 */
(function () {
  'use strict';
  var el = document.getElementById('chain-chart');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var cards = Array.prototype.slice.call(document.querySelectorAll('#chain-links [data-link]'));
  var positions = ['UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM'];
  var titles = [el.dataset.upstream, el.dataset.midstream, el.dataset.downstream];
  var chart = echarts.init(el, null, { renderer: 'canvas' });
  window.zsChainMap = { chart: chart };

  function narrow() {
    return el.clientWidth < 576;
  }

  function draw() {
    var wide = !narrow();
    var columns = positions.map(function (p) {
      return cards.filter(function (c) { return c.dataset.position === p; });
    });
    var nodes = [];
    var links = [];
    var width = el.clientWidth || 600;
    var height = el.clientHeight || 360;
    var graphics = [];
    columns.forEach(function (column, i) {
      var band = wide ? width / 3 : height / 3;
      var label = { text: titles[i], fontWeight: 'bold', fill: '#555' };
      graphics.push(wide
        ? { type: 'text', left: band * i + 12, top: 4, style: label }
        : { type: 'text', left: 8, top: band * i + 2, style: label });
      column.forEach(function (card, j) {
        var across = (j + 1) / (column.length + 1);
        var x = wide ? band * i + band / 2 : width * across;
        var y = wide ? 24 + (height - 24) * across : band * i + band / 2 + 8;
        nodes.push({
          id: card.dataset.link,
          name: card.dataset.name,
          x: x,
          y: y,
          link: card.getAttribute('href'),
          gap: card.dataset.gapLabel,
          summary: card.dataset.summary,
          symbol: 'roundRect',
          symbolSize: wide ? [Math.min(band - 24, 170), 46] : [Math.min(width / (column.length + 0.5), 150), 44],
          itemStyle: { color: card.dataset.colour },
          label: { show: true, color: '#fff', fontSize: 12, overflow: 'truncate', width: wide ? Math.min(band - 32, 160) : 110,
            formatter: '{b}' }
        });
      });
      if (i > 0) {
        columns[i - 1].forEach(function (from) {
          column.forEach(function (to) {
            links.push({ source: from.dataset.link, target: to.dataset.link });
          });
        });
      }
    });
    chart.setOption({
      animation: false,
      tooltip: {
        formatter: function (p) {
          if (p.dataType !== 'node') {
            return '';
          }
          var div = document.createElement('div');
          var b = document.createElement('b');
          b.textContent = p.data.name;
          div.appendChild(b);
          div.appendChild(document.createElement('br'));
          div.appendChild(document.createTextNode(p.data.gap));
          div.appendChild(document.createElement('br'));
          div.appendChild(document.createTextNode(p.data.summary));
          return div.innerHTML;
        }
      },
      graphic: graphics,
      series: [{
        type: 'graph',
        layout: 'none',
        roam: false,
        data: nodes,
        links: links,
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 8,
        lineStyle: { color: '#adb5bd', width: 1.5, curveness: 0.1 }
      }]
    }, true);
  }

  chart.on('click', function (p) {
    if (p.dataType === 'node' && p.data && p.data.link) {
      window.location.href = p.data.link;
    }
  });
  draw();
  var resize = function () {
    chart.resize();
    draw();
  };
  window.addEventListener('resize', resize);
  if (window.ResizeObserver) {
    new ResizeObserver(resize).observe(el);
  }
}());
